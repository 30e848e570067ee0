import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { useSubmit } from '../../hooks/use-submit';
import type { Output } from '../../shared/contract';
import { privacySummary } from '../../utils/privacy-text';

/**
 * 用家庭邀请码加入: the code names the home (building and room), so only the person's name, phone and consent are
 * asked; they are a resident at once, registered in the inviter's home.
 */
export function FamilyJoinForm(props: { code: string; privacyVersion: string; onJoined: (reply: Output<'family.join'>) => void }) {
  const join = useSubmit('family.join');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [showPolicy, setShowPolicy] = useState(false);
  const errors = join.fieldErrors;
  const ready = Boolean(name.trim() && /^1\d{10}$/.test(phone.trim()) && agreed);

  async function send() {
    const reply = await join.submit({ code: props.code, name: name.trim(), phone: phone.trim(), privacyVersion: props.privacyVersion });
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
        className={`join-input join-family__${key}`}
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
      <NoticeBanner failure={join.failure && !errors.code ? join.failure : null} />
      {errors.code && <Text className="banner-error">{errors.code}</Text>}
      {field('姓名', 'name', name, setName, '与户口本或身份证一致', 20)}
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
      <ActionButton disabled={!ready} busy={join.submitting} onClick={() => void send()}>
        用邀请码加入
      </ActionButton>
      {!ready && !join.submitting && <Text className="join-form__hint">填好姓名和手机号，并同意隐私指引后即可加入，登记在邀请你的家人家里。</Text>}
    </View>
  );
}
