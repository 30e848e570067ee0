import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { useSubmit } from '../../hooks/use-submit';
import type { Output } from '../../shared/contract';
import { privacySummary } from '../../utils/privacy-text';
import type { Place } from './place-picker';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * 姓名、单元、门牌、手机号 and consent. The roster is tried first with the typed phone; only when it does not know
 * the person does the weapp ask WeChat for the phone (getPhoneNumber is billed per call) and apply for review.
 */
export function JoinForm(props: { place: Place | null; privacyVersion: string; onJoined: (reply: Output<'user.join'>) => void }) {
  const join = useSubmit('user.join');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [room, setRoom] = useState('');
  const [phone, setPhone] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [showPolicy, setShowPolicy] = useState(false);
  const notInRoster = join.failure?.code === 'JOIN_NOT_IN_ROSTER';
  const errors = join.fieldErrors;
  const ready = Boolean(props.place && name.trim() && room.trim() && /^1\d{10}$/.test(phone.trim()) && agreed);

  async function send(extra: { apply: boolean; phoneCode?: string }) {
    if (!props.place) return;
    const who = { buildingId: props.place.buildingId, name: name.trim(), unit: unit.trim(), room: room.trim(), privacyVersion: props.privacyVersion };
    const reply = await join.submit(
      extra.phoneCode ? { ...who, phoneCode: extra.phoneCode, apply: true } : { ...who, phone: phone.trim(), apply: extra.apply },
    );
    if (reply?.ok) props.onJoined(reply.data);
  }

  const field = (
    label: string,
    key: string,
    value: string,
    set: (v: string) => void,
    placeholder: string,
    max: number,
    type: 'text' | 'number' = 'text',
  ) => (
    <FormField label={label} error={errors[key]}>
      <Input
        className={`join-input join-form__${key}`}
        type={type}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass="input-placeholder"
        onInput={(e) => {
          set(e.detail.value);
          join.clearField(key);
        }}
      />
    </FormField>
  );

  return (
    <View className="join-form">
      {!notInRoster && <NoticeBanner failure={join.failure} />}
      {field('姓名', 'name', name, setName, '与户口本或身份证一致', 20)}
      {field('单元', 'unit', unit, setUnit, '例如：3（没有单元可不填）', 10)}
      {field('门牌号', 'room', room, setRoom, '例如：502', 10)}
      {field('手机号', 'phone', phone, setPhone, '11 位手机号', 11, 'number')}
      <View className={`join-form__agree${agreed ? ' is-on' : ''}`} onClick={() => setAgreed(!agreed)}>
        <Text className="join-form__check">{agreed ? '✓' : ''}</Text>
        <Text className="join-form__agree-text">我已阅读并同意《邻里隐私保护指引》</Text>
      </View>
      <Text className="join-form__policy-link" onClick={() => setShowPolicy(!showPolicy)}>
        {showPolicy ? '收起指引' : '查看指引要点'}
      </Text>
      {showPolicy && (
        <View className="card join-form__policy">
          {Object.values(privacySummary).map((line) => (
            <Text key={line} className="join-form__policy-text">
              {line}
            </Text>
          ))}
        </View>
      )}
      {notInRoster ? (
        <View className="join-form__apply">
          <Text className="join-form__apply-text">
            社区登记中没有找到你（姓名、手机号和楼栋要与登记一致）。可以提交入驻申请，由网格员核实后通过。
          </Text>
          {isWeapp ? (
            <Button
              className="btn btn--primary"
              openType="getPhoneNumber"
              onGetPhoneNumber={(e) => {
                const code = (e.detail as { code?: string }).code;
                if (code) void send({ apply: true, phoneCode: code });
              }}
            >
              用微信手机号提交申请
            </Button>
          ) : (
            <ActionButton busy={join.submitting} onClick={() => void send({ apply: true })}>
              提交入驻申请
            </ActionButton>
          )}
        </View>
      ) : (
        <ActionButton disabled={!ready} busy={join.submitting} onClick={() => void send({ apply: !isWeapp })}>
          加入社区
        </ActionButton>
      )}
      {!ready && !join.submitting && (
        <Text className="join-form__hint">{props.place ? '填好姓名、门牌号和手机号，并同意隐私指引后即可加入。' : '请先选择你住的楼栋。'}</Text>
      )}
    </View>
  );
}
