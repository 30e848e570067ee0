import { Input, Switch, Text, View } from '@tarojs/components';
import { FormField } from '../../components/form-field';
import { lengthCount } from '../../utils/form-errors';

export interface Proxy {
  on: boolean;
  name: string;
  phone: string;
}

interface Props {
  value: Proxy;
  /** The form's message for a field path ("onBehalfOf.name"), see useFieldErrors. */
  errorOf: (field: string) => string | undefined;
  onBlur: () => void;
  onChange: (proxy: Proxy) => void;
}

/** 红色代办: a grid worker files for a resident without a phone; the case is marked and the worker relays its progress. */
export function ProxyFields({ value, errorOf, onBlur, onChange }: Props) {
  return (
    <View className="petition-new__proxy">
      <View className="form-field petition-new__switch">
        <View className="petition-new__switch-text">
          <Text className="petition-new__switch-title">红色代办</Text>
          <Text className="petition-new__switch-hint">替没有手机的居民反映，进展由你转告</Text>
        </View>
        <Switch checked={value.on} color="#07c160" onChange={(e) => onChange({ ...value, on: e.detail.value })} />
      </View>
      {value.on && (
        <>
          <FormField
            label="居民姓名"
            count={lengthCount(value.name, 20)}
            error={errorOf('onBehalfOf.name') ?? (errorOf('onBehalfOf.phone') ? undefined : errorOf('onBehalfOf'))}
          >
            <Input
              className="petition-new__input petition-new__proxy-name"
              value={value.name}
              maxlength={20}
              onBlur={onBlur}
              placeholder="例如：王秀英"
              placeholderClass="input-placeholder"
              onInput={(e) => onChange({ ...value, name: e.detail.value })}
            />
          </FormField>
          <FormField label="联系电话（可选）" hint="家人或邻居的电话也可以" error={errorOf('onBehalfOf.phone')}>
            <Input
              className="petition-new__input"
              type="number"
              value={value.phone}
              maxlength={11}
              onBlur={onBlur}
              placeholder="11 位手机号"
              placeholderClass="input-placeholder"
              onInput={(e) => onChange({ ...value, phone: e.detail.value })}
            />
          </FormField>
        </>
      )}
    </View>
  );
}
